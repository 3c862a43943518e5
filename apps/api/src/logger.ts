import { type DestinationStream, pino } from "pino";
import pretty from "pino-pretty";

/** Where log lines go by default: readable lines for a person at a terminal, JSON lines for anything that collects them. */
function defaultDestination(): DestinationStream | undefined {
  if (!process.stdout.isTTY) return undefined;
  return pretty({ sync: true, colorize: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" });
}

/** The server's logger; tests pass a destination to read what was logged. */
export function createLogger(destination?: DestinationStream, level?: string) {
  const options = {
    level: level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: undefined,
  };
  const to = destination ?? defaultDestination();
  return to ? pino(options, to) : pino(options);
}

export const logger = createLogger();
export type Logger = typeof logger;
