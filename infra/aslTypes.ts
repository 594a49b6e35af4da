/** A Step Functions definition in Amazon States Language (JSONPath), as plain JSON. */
export interface AslDefinition {
  Comment?: string;
  StartAt: string;
  TimeoutSeconds?: number;
  States: Record<string, AslState>;
}

export type AslState = Record<string, unknown> & { Type: string };

/** Key of the CloudFormation DefinitionSubstitution that carries the ARN of the Lambda of a logical handler. */
export function substitutionKey(handler: string): string {
  return `fn_${handler.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** The placeholder written in the definition where the Lambda ARN of `handler` goes. */
export function functionPlaceholder(handler: string): string {
  return `\${${substitutionKey(handler)}}`;
}

export const waitForTaskTokenResource = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
