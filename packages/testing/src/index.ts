export {
  createFakeProvider,
  type FakeCall,
  type FakeProvider,
  type FakeProviderOptions,
  type FakeReply,
  type FakeStep,
} from './fake-provider';
export {
  type RecordedRequest,
  type SimulatorHandler,
  type SimulatorServer,
  sendJson,
  startSimulatorServer,
  startSse,
  wait,
  writeSse,
  writeSseComment,
} from './simulators/simulator-server';
export { SimulatorScript, type SimulatorStep } from './simulators/script';
