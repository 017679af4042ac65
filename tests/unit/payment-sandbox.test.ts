import { afterEach, describe, expect, it } from "vitest";
import { sandboxEnabled } from "@/server/energy/payments/sandbox";

// The sandbox settles invoices without money: on for the demo, off for a real installation.
const saved = { seed: process.env.DIHYA_SEED, sandbox: process.env.DIHYA_PAYMENT_SANDBOX };
afterEach(() => {
  for (const [name, value] of [
    ["DIHYA_SEED", saved.seed],
    ["DIHYA_PAYMENT_SANDBOX", saved.sandbox],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("payment sandbox switch", () => {
  it("is on for a demo installation and off for one started without demo data", () => {
    delete process.env.DIHYA_PAYMENT_SANDBOX;
    delete process.env.DIHYA_SEED;
    expect(sandboxEnabled()).toBe(true);
    process.env.DIHYA_SEED = "none";
    expect(sandboxEnabled()).toBe(false);
  });

  it("follows DIHYA_PAYMENT_SANDBOX when it is set", () => {
    process.env.DIHYA_SEED = "none";
    process.env.DIHYA_PAYMENT_SANDBOX = "on";
    expect(sandboxEnabled()).toBe(true);
    process.env.DIHYA_SEED = "demo";
    process.env.DIHYA_PAYMENT_SANDBOX = "off";
    expect(sandboxEnabled()).toBe(false);
  });
});
