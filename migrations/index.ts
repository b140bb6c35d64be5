import * as migration_20261125_180154_initial from './20261125_180154_initial';

export const migrations = [
  {
    up: migration_20261125_180154_initial.up,
    down: migration_20261125_180154_initial.down,
    name: '20261125_180154_initial'
  },
];
