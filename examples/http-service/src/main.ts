import { createChatServer } from './chat-server';
import { createServiceRouter } from './create-service-router';

const port = Number(process.env.PORT ?? 3000);
const service = await createServiceRouter();
const server = createChatServer(service.router);
server.listen(port, () => {
  console.log(`Switchyard HTTP service on http://localhost:${port}`);
  for (const line of service.description) console.log(`  ${line}`);
  console.log(`  try: curl -s localhost:${port}/v1/chat -H 'content-type: application/json' \\`);
  console.log(
    `         -d '{"messages":[{"role":"user","content":"Summarize: patient John Doe, DOB 03/14/1961, A1c 8.2%"}]}'`,
  );
});

// Graceful shutdown: stop taking requests, let those in flight finish, then flush the audit log.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => void service.close().then(() => process.exit(0)));
    server.closeIdleConnections();
  });
}
