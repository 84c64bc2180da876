export { AbonaApiError, type ApiErrorKind } from './api-error.js';
export { apiGet, apiPost, assertUsableKey, type ApiTarget, type Query } from './request.js';
export { reportConfigurationError, resetReportedErrors } from './report.js';
