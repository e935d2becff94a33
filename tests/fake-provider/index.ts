export { startFakeProvider, type FakeProvider } from './fake-provider';
export { fakeComfyConfig, fakeHttpJobConfig, fakeHttpJobMapping, fakeOpenAiConfig, FAKE_COMFY_WORKFLOWS } from './configs';
export { FAKE_MODEL } from './openai-routes';
export { FAKE_MODES, type FakeCall, type FakeMode, type FakeStep } from './script';
