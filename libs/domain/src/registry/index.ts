export * from './unit-kind';
export * from './statute-rules';
export * from './registry-unit';
export * from './resolution-item';
export * from './registry-violation';
export * from './change-set';
export * from './plan-resolution';
export * from './resolution-preview';
