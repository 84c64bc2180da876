import { BillingSettingsParams, SellerSettingsParams } from '@abona/api';
import { Hono } from 'hono';
import { readBody } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import { toBillingSettings, toSellerSettings } from './serialize.js';
import type { SettingsService } from './service.js';

/** `/v1/settings`: the seller (`/seller`) and billing behaviour (`/billing`) of the key's mode. Secret key only. */
export function settingsRoutes(service: SettingsService) {
  return new Hono<AppEnv>()
    .get('/seller', async (c) =>
      c.json(toSellerSettings(await service.seller(c.var.auth.livemode), c.var.auth.livemode)),
    )
    .post('/seller', async (c) => {
      const params = await readBody(c, SellerSettingsParams);
      return c.json(
        toSellerSettings(await service.updateSeller(c.var.auth.livemode, params), c.var.auth.livemode),
      );
    })
    .get('/billing', async (c) =>
      c.json(toBillingSettings(await service.billing(c.var.auth.livemode), c.var.auth.livemode)),
    )
    .post('/billing', async (c) => {
      const params = await readBody(c, BillingSettingsParams);
      return c.json(
        toBillingSettings(await service.updateBilling(c.var.auth.livemode, params), c.var.auth.livemode),
      );
    });
}
