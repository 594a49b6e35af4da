import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { HumanTaskOverdue, Notifier } from './notifier.js';

export const eventSource = 'jilin.quality-award';

/** Notifier adapter: EventBridge events (a rule forwards them to the office's SNS topic). */
export class EventBridgeNotifier implements Notifier {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
  ) {}

  async humanTaskOverdue(notice: HumanTaskOverdue): Promise<void> {
    const result = await this.client.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: this.busName,
            Source: eventSource,
            DetailType: 'HumanTaskOverdue',
            Detail: JSON.stringify(notice),
          },
        ],
      }),
    );
    if (result.FailedEntryCount) throw new Error(`EventBridge refused the HumanTaskOverdue event`);
  }
}
