// e2e tests wait for real servers and workflows (heartbeat timeouts of seconds): give each test two minutes.
jest.setTimeout(120_000);
