export { AbonaApiError, type ApiErrorKind } from './api-error.js';
export { apiGet, assertUsableKey, type ApiTarget, type Query } from './request.js';
export { reportConfigurationError, resetReportedErrors } from './report.js';
