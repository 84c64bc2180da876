import { describe, it, expect } from 'vitest';
import { ConfigError, defaultConfig, loadConfig } from '../src/config/index.js';

describe('loadConfig', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toEqual(defaultConfig);
    expect(defaultConfig).toMatchObject({ port: 8787, databaseUrl: 'file:./data/abona.db', mode: 'test', allowedOrigins: [] });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'file:/var/lib/abona.db',
      ABONA_ALLOWED_ORIGINS: 'https://shop.example.com, http://localhost:5173',
      ABONA_MODE: 'live',
      ABONA_SECRET_KEY: 'sk_live_abcdefgh',
      ABONA_PUBLISHABLE_KEY: 'pk_live_abcdefgh',
      ABONA_RATE_LIMIT: '10/60000',
      UNRELATED: 'ignored',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      allowedOrigins: ['https://shop.example.com', 'http://localhost:5173'],
      mode: 'live',
      rateLimit: { max: 10, windowMs: 60000 },
    });
  });

  it('names the variable at fault', () => {
    const message = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    expect(message({ PORT: 'eighty' })).toMatch(/^Invalid PORT/);
    expect(message({ PORT: '70000' })).toMatch(/^Invalid PORT/);
    expect(message({ ABONA_MODE: 'prod' })).toMatch(/^Invalid ABONA_MODE/);
    expect(message({ ABONA_ALLOWED_ORIGINS: 'https://shop.example.com/path' })).toMatch(/ABONA_ALLOWED_ORIGINS/);
    expect(message({ ABONA_SECRET_KEY: 'pk_test_abcdefgh' })).toMatch(/ABONA_SECRET_KEY/);
    expect(message({ ABONA_SECRET_KEY: 'sk_live_abcdefgh' })).toMatch(/live key but ABONA_MODE is test/);
    expect(message({ ABONA_RATE_LIMIT: 'lots' })).toMatch(/ABONA_RATE_LIMIT/);
  });
});
