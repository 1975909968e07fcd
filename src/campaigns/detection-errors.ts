/** Another process holds the detection lock longer than this one would wait: try again later. */
export class DetectionBusyError extends Error {
  override name = 'DetectionBusyError';
}

/** CAMPAIGN_ENGINE asks for an engine the database cannot run (gds without the plugin). */
export class DetectionEngineUnavailableError extends Error {
  override name = 'DetectionEngineUnavailableError';
}
