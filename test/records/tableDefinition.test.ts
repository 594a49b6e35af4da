import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { AwardStack } from '../../infra/awardStack.js';
import { recordsTableDefinition } from '../../shared/records/tableDefinition.js';

describe('records table definition', () => {
  it('has the same keys and GSIs as the table infra/storage.ts synthesises', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const template = Template.fromStack(new AwardStack(app, 'Keys'));
    const [table] = Object.values(template.findResources('AWS::DynamoDB::Table')) as {
      Properties: Record<string, unknown>;
    }[];
    const props = table?.Properties ?? {};
    const shared = recordsTableDefinition('t');
    expect(props.KeySchema).toEqual(shared.KeySchema);
    const sortByName = <T extends { AttributeName: string }>(a: T[]) =>
      [...a].sort((x, y) => x.AttributeName.localeCompare(y.AttributeName));
    expect(sortByName(props.AttributeDefinitions as { AttributeName: string }[])).toEqual(
      sortByName(shared.AttributeDefinitions),
    );
    const indexes = (props.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown }[]).map((g) => ({
      IndexName: g.IndexName,
      KeySchema: g.KeySchema,
    }));
    expect(indexes).toEqual(
      shared.GlobalSecondaryIndexes.map((g) => ({ IndexName: g.IndexName, KeySchema: g.KeySchema })),
    );
  });
});
