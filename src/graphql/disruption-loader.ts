import DataLoader from 'dataloader';
import type { Disruption, DisruptionService } from '../disruption/disruption.service.js';

/** PhoneNumber.disruption and Domain.disruption of one request in one round trip, by key ("phone:+61412345678"). */
export const createDisruptionLoader = (disruption: DisruptionService) =>
  new DataLoader<string, Disruption>((keys) => disruption.byKeys(keys));
