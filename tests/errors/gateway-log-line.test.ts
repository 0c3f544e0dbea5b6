import { apolloGatewayLogLine } from '../../gateway/server';

test("Apollo Gateway's caught error is not appended to the log line: it may quote a SNILS or a name", () => {
  const [message, fields] = apolloGatewayLogLine('Unexpected error during query plan execution: Error: Иванов Артём 112-233-445 95');
  expect(message).toBe('Unexpected error during query plan execution');
  expect(fields).toEqual({ detailWithheld: true });
  expect(JSON.stringify([message, fields])).not.toMatch(/Иванов|112-233/);
});

test("the gateway's own messages without a caught error are logged as they are", () => {
  expect(apolloGatewayLogLine("A valid schema couldn't be composed. Falling back to previous schema.")).toEqual([
    "A valid schema couldn't be composed. Falling back to previous schema.",
    {},
  ]);
});
