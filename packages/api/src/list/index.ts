export { ListParams, MAX_PAGE_SIZE, deletedOf, listOf, type Deleted, type List } from './list.js';
