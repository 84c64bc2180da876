export { demoCatalogPath, readCatalogFile, seedDemo } from './demo.js';
export { seedCatalog, type SeedReport } from './seed-catalog.js';
