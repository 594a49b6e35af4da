import { describe, expect, it } from 'vitest';

describe('runtime', () => {
  it('runs the tests on Node 22, the Lambda runtime, not the machine Node', () => {
    expect(process.versions.node.split('.')[0]).toBe('22');
  });
});
