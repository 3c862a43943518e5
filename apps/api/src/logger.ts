import { type DestinationStream, pino } from "pino";

/** The server's logger; tests pass a destination to read what was logged. */
export function createLogger(destination?: DestinationStream, level?: string) {
  const options = {
    level: level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: undefined,
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();
export type Logger = typeof logger;
