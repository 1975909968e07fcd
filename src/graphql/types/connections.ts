import { connectionTypes } from './connection.type.js';
import { PhoneNumber } from './indicator.types.js';
import { Report } from './report.type.js';

export const { ConnectionType: PhoneNumberConnection } = connectionTypes(PhoneNumber, 'PhoneNumber');
export const { ConnectionType: ReportConnection } = connectionTypes(Report, 'Report');
