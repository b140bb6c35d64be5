import * as migration_20261125_180154_initial from './20261125_180154_initial';
import * as migration_20261125_185040_record_model from './20261125_185040_record_model';
import * as migration_20261125_185500_search_and_unit_tree from './20261125_185500_search_and_unit_tree';
import * as migration_20261125_190500_search_knn from './20261125_190500_search_knn';
import * as migration_20261125_191208_photo_owner from './20261125_191208_photo_owner';
import * as migration_20261125_192104_access_grants from './20261125_192104_access_grants';
import * as migration_20261125_192833_account_activation from './20261125_192833_account_activation';
import * as migration_20261125_193607_account_disabled from './20261125_193607_account_disabled';
import * as migration_20261125_203238_audit_events from './20261125_203238_audit_events';
import * as migration_20261125_203300_audit_chain from './20261125_203300_audit_chain';
import * as migration_20261125_203627_change_requests from './20261125_203627_change_requests';
import * as migration_20261125_203700_change_requests_one_open from './20261125_203700_change_requests_one_open';
import * as migration_20261125_203909_backups from './20261125_203909_backups';
import * as migration_20261125_210905_second_factor from './20261125_210905_second_factor';
import * as migration_20261125_212548_reminders from './20261125_212548_reminders';
import * as migration_20261125_212600_reminder_sends_unique from './20261125_212600_reminder_sends_unique';
import * as migration_20261125_221642_schema_baseline from './20261125_221642_schema_baseline';
import * as migration_20261125_224500_lockout_backoff from './20261125_224500_lockout_backoff';
import * as migration_20261126_002704_signed_exports from './20261126_002704_signed_exports';
import * as migration_20261126_030000_staff_deletion from './20261126_030000_staff_deletion';
import * as migration_20261126_030053_encrypted_identifiers from './20261126_030053_encrypted_identifiers';
import * as migration_20261126_030154_staff_email_changes from './20261126_030154_staff_email_changes';
import * as migration_20261126_031205_role_requests from './20261126_031205_role_requests';
import * as migration_20261126_034854_schema_snapshot from './20261126_034854_schema_snapshot';
import * as migration_20261126_035806_audit_outbox from './20261126_035806_audit_outbox';
import * as migration_20261126_070000_staff_names from './20261126_070000_staff_names';
import * as migration_20261207_121432_working_calendar from './20261207_121432_working_calendar';
import * as migration_20261207_130000_national_scale from './20261207_130000_national_scale';
import * as migration_20261207_160949_account_pending_totp from './20261207_160949_account_pending_totp';
import * as migration_20261207_161123_roles_dpo_archivist from './20261207_161123_roles_dpo_archivist';
import * as migration_20261207_161703_account_security from './20261207_161703_account_security';
import * as migration_20261207_162614_lifecycle_decisions from './20261207_162614_lifecycle_decisions';
import * as migration_20261207_200001_import_batches from './20261207_200001_import_batches';
import * as migration_20261207_201000_report_definitions from './20261207_201000_report_definitions';
import * as migration_20261207_202000_national_sync_outbox from './20261207_202000_national_sync_outbox';
import * as migration_20261207_202735_maintenance_windows from './20261207_202735_maintenance_windows';
import * as migration_20261207_203000_data_requests from './20261207_203000_data_requests';
import * as migration_20261207_203100_data_request_reminders from './20261207_203100_data_request_reminders';
import * as migration_20261207_203200_officer_access from './20261207_203200_officer_access';
import * as migration_20261207_203300_breaches from './20261207_203300_breaches';
import * as migration_20261207_203400_consents from './20261207_203400_consents';

export const migrations = [
  {
    up: migration_20261125_180154_initial.up,
    down: migration_20261125_180154_initial.down,
    name: '20261125_180154_initial',
  },
  {
    up: migration_20261125_185040_record_model.up,
    down: migration_20261125_185040_record_model.down,
    name: '20261125_185040_record_model',
  },
  {
    up: migration_20261125_185500_search_and_unit_tree.up,
    down: migration_20261125_185500_search_and_unit_tree.down,
    name: '20261125_185500_search_and_unit_tree',
  },
  {
    up: migration_20261125_190500_search_knn.up,
    down: migration_20261125_190500_search_knn.down,
    name: '20261125_190500_search_knn',
  },
  {
    up: migration_20261125_191208_photo_owner.up,
    down: migration_20261125_191208_photo_owner.down,
    name: '20261125_191208_photo_owner',
  },
  {
    up: migration_20261125_192104_access_grants.up,
    down: migration_20261125_192104_access_grants.down,
    name: '20261125_192104_access_grants',
  },
  {
    up: migration_20261125_192833_account_activation.up,
    down: migration_20261125_192833_account_activation.down,
    name: '20261125_192833_account_activation',
  },
  {
    up: migration_20261125_193607_account_disabled.up,
    down: migration_20261125_193607_account_disabled.down,
    name: '20261125_193607_account_disabled',
  },
  {
    up: migration_20261125_203238_audit_events.up,
    down: migration_20261125_203238_audit_events.down,
    name: '20261125_203238_audit_events',
  },
  {
    up: migration_20261125_203300_audit_chain.up,
    down: migration_20261125_203300_audit_chain.down,
    name: '20261125_203300_audit_chain',
  },
  {
    up: migration_20261125_203627_change_requests.up,
    down: migration_20261125_203627_change_requests.down,
    name: '20261125_203627_change_requests',
  },
  {
    up: migration_20261125_203700_change_requests_one_open.up,
    down: migration_20261125_203700_change_requests_one_open.down,
    name: '20261125_203700_change_requests_one_open',
  },
  {
    up: migration_20261125_203909_backups.up,
    down: migration_20261125_203909_backups.down,
    name: '20261125_203909_backups',
  },
  {
    up: migration_20261125_210905_second_factor.up,
    down: migration_20261125_210905_second_factor.down,
    name: '20261125_210905_second_factor',
  },
  {
    up: migration_20261125_212548_reminders.up,
    down: migration_20261125_212548_reminders.down,
    name: '20261125_212548_reminders',
  },
  {
    up: migration_20261125_212600_reminder_sends_unique.up,
    down: migration_20261125_212600_reminder_sends_unique.down,
    name: '20261125_212600_reminder_sends_unique',
  },
  {
    up: migration_20261125_221642_schema_baseline.up,
    down: migration_20261125_221642_schema_baseline.down,
    name: '20261125_221642_schema_baseline',
  },
  {
    up: migration_20261125_224500_lockout_backoff.up,
    down: migration_20261125_224500_lockout_backoff.down,
    name: '20261125_224500_lockout_backoff',
  },
  {
    up: migration_20261126_002704_signed_exports.up,
    down: migration_20261126_002704_signed_exports.down,
    name: '20261126_002704_signed_exports',
  },
  {
    up: migration_20261126_030000_staff_deletion.up,
    down: migration_20261126_030000_staff_deletion.down,
    name: '20261126_030000_staff_deletion',
  },
  {
    up: migration_20261126_030053_encrypted_identifiers.up,
    down: migration_20261126_030053_encrypted_identifiers.down,
    name: '20261126_030053_encrypted_identifiers',
  },
  {
    up: migration_20261126_030154_staff_email_changes.up,
    down: migration_20261126_030154_staff_email_changes.down,
    name: '20261126_030154_staff_email_changes',
  },
  {
    up: migration_20261126_031205_role_requests.up,
    down: migration_20261126_031205_role_requests.down,
    name: '20261126_031205_role_requests',
  },
  {
    up: migration_20261126_034854_schema_snapshot.up,
    down: migration_20261126_034854_schema_snapshot.down,
    name: '20261126_034854_schema_snapshot',
  },
  {
    up: migration_20261126_035806_audit_outbox.up,
    down: migration_20261126_035806_audit_outbox.down,
    name: '20261126_035806_audit_outbox',
  },
  {
    up: migration_20261126_070000_staff_names.up,
    down: migration_20261126_070000_staff_names.down,
    name: '20261126_070000_staff_names',
  },
  {
    up: migration_20261207_121432_working_calendar.up,
    down: migration_20261207_121432_working_calendar.down,
    name: '20261207_121432_working_calendar',
  },
  {
    up: migration_20261207_130000_national_scale.up,
    down: migration_20261207_130000_national_scale.down,
    name: '20261207_130000_national_scale',
  },
  {
    up: migration_20261207_160949_account_pending_totp.up,
    down: migration_20261207_160949_account_pending_totp.down,
    name: '20261207_160949_account_pending_totp',
  },
  {
    up: migration_20261207_161123_roles_dpo_archivist.up,
    down: migration_20261207_161123_roles_dpo_archivist.down,
    name: '20261207_161123_roles_dpo_archivist',
  },
  {
    up: migration_20261207_161703_account_security.up,
    down: migration_20261207_161703_account_security.down,
    name: '20261207_161703_account_security',
  },
  {
    up: migration_20261207_162614_lifecycle_decisions.up,
    down: migration_20261207_162614_lifecycle_decisions.down,
    name: '20261207_162614_lifecycle_decisions',
  },
  {
    up: migration_20261207_200001_import_batches.up,
    down: migration_20261207_200001_import_batches.down,
    name: '20261207_200001_import_batches',
  },
  {
    up: migration_20261207_201000_report_definitions.up,
    down: migration_20261207_201000_report_definitions.down,
    name: '20261207_201000_report_definitions',
  },
  {
    up: migration_20261207_202000_national_sync_outbox.up,
    down: migration_20261207_202000_national_sync_outbox.down,
    name: '20261207_202000_national_sync_outbox',
  },
  {
    up: migration_20261207_202735_maintenance_windows.up,
    down: migration_20261207_202735_maintenance_windows.down,
    name: '20261207_202735_maintenance_windows',
  },
  {
    up: migration_20261207_203000_data_requests.up,
    down: migration_20261207_203000_data_requests.down,
    name: '20261207_203000_data_requests',
  },
  {
    up: migration_20261207_203100_data_request_reminders.up,
    down: migration_20261207_203100_data_request_reminders.down,
    name: '20261207_203100_data_request_reminders',
  },
  {
    up: migration_20261207_203200_officer_access.up,
    down: migration_20261207_203200_officer_access.down,
    name: '20261207_203200_officer_access',
  },
  {
    up: migration_20261207_203300_breaches.up,
    down: migration_20261207_203300_breaches.down,
    name: '20261207_203300_breaches',
  },
  {
    up: migration_20261207_203400_consents.up,
    down: migration_20261207_203400_consents.down,
    name: '20261207_203400_consents',
  },
];
