export { AbonaError, ErrorEnvelope, errorTypes, type ErrorBody, type ErrorType } from './envelope.js';
