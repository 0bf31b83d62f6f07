export * from './ward-areas';
export * from './city-board';
export * from './completion-projection';
