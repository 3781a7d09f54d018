export interface SinkMessage {
  from: string;
  to: string[];
  data: string;
}

export function startSmtpSink(): Promise<{ port: number; messages: SinkMessage[]; close(): Promise<void> }>;
