import { PrintButtons as PrintButtons_8b29d2fb4b455cdaa485399217be04e2 } from '../../../../collections/Staff/components/PrintButtons'
import { StaffListFilter as StaffListFilter_cc5da5ab1fa1d071f032e0baf7bc720f } from '../../../../collections/Staff/components/StaffListFilter'
import { SignedExportRequest as SignedExportRequest_7a41085370304abeed1ecca9ae7fbf46 } from '../../../../collections/Staff/components/SignedExportRequest'
import { PendingRoleRequests as PendingRoleRequests_6950cec7dae90e722d76174f845f4661 } from '../../../../src/components/accounts/PendingRoleRequests'
import { ChangeRequestReview as ChangeRequestReview_2ba8c1a7cc2788eb8c1a49166f7525ba } from '../../../../src/components/ChangeRequestReview'
import { CollectionCell as CollectionCell_2bd2666bdce4fb807aab236535f11530 } from '../../../../collections/AuditEvents/components/AuditCells'
import { CollectionField as CollectionField_2bd2666bdce4fb807aab236535f11530 } from '../../../../collections/AuditEvents/components/AuditCells'
import { DottedIdsCell as DottedIdsCell_2bd2666bdce4fb807aab236535f11530 } from '../../../../collections/AuditEvents/components/AuditCells'
import { DottedIdsField as DottedIdsField_2bd2666bdce4fb807aab236535f11530 } from '../../../../collections/AuditEvents/components/AuditCells'
import { RolesCell as RolesCell_2bd2666bdce4fb807aab236535f11530 } from '../../../../collections/AuditEvents/components/AuditCells'
import { RolesField as RolesField_2bd2666bdce4fb807aab236535f11530 } from '../../../../collections/AuditEvents/components/AuditCells'
import { AuditChanges as AuditChanges_c95cf91bf98a1a799dedce1f480630dd } from '../../../../collections/AuditEvents/components/AuditChanges'
import { AuditDetail as AuditDetail_c95cf91bf98a1a799dedce1f480630dd } from '../../../../collections/AuditEvents/components/AuditChanges'
import { AuditFilterPanel as AuditFilterPanel_9405558992ae0050944880ef2fac9f23 } from '../../../../collections/AuditEvents/components/AuditFilterPanel'
import { SignedExportActions as SignedExportActions_2db3f0e610c1e381b55b2d7ffd3c8f5b } from '../../../../src/components/signing/SignedExportActions'
import { CivilDateCell as CivilDateCell_7162e6b20a401a0cdc15ab6beb30a2f1 } from '../../../../src/components/calendar/CivilDateCell'
import { CalendarNotice as CalendarNotice_d1398dc462e8ce332860d5ee1d7cf119 } from '../../../../src/components/calendar/CalendarNotice'
import { MaintenanceBanner as MaintenanceBanner_ae2315bae171798f793d014fa6e4b2bf } from '../../../../src/components/maintenance/MaintenanceBanner'
import { UpdateDashboard as UpdateDashboard_d7e2decf6f06f1598b099d1592ff1e46 } from '../../../../src/components/reminders/UpdateDashboard'
import { DashboardIntro as DashboardIntro_e1aaac9d73a3992d50b4a18beefc4f4e } from '../../../../src/components/Dashboard'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/collections/Staff/components/PrintButtons#PrintButtons": PrintButtons_8b29d2fb4b455cdaa485399217be04e2,
  "/collections/Staff/components/StaffListFilter#StaffListFilter": StaffListFilter_cc5da5ab1fa1d071f032e0baf7bc720f,
  "/collections/Staff/components/SignedExportRequest#SignedExportRequest": SignedExportRequest_7a41085370304abeed1ecca9ae7fbf46,
  "/src/components/accounts/PendingRoleRequests#PendingRoleRequests": PendingRoleRequests_6950cec7dae90e722d76174f845f4661,
  "/src/components/ChangeRequestReview#ChangeRequestReview": ChangeRequestReview_2ba8c1a7cc2788eb8c1a49166f7525ba,
  "/collections/AuditEvents/components/AuditCells#CollectionCell": CollectionCell_2bd2666bdce4fb807aab236535f11530,
  "/collections/AuditEvents/components/AuditCells#CollectionField": CollectionField_2bd2666bdce4fb807aab236535f11530,
  "/collections/AuditEvents/components/AuditCells#DottedIdsCell": DottedIdsCell_2bd2666bdce4fb807aab236535f11530,
  "/collections/AuditEvents/components/AuditCells#DottedIdsField": DottedIdsField_2bd2666bdce4fb807aab236535f11530,
  "/collections/AuditEvents/components/AuditCells#RolesCell": RolesCell_2bd2666bdce4fb807aab236535f11530,
  "/collections/AuditEvents/components/AuditCells#RolesField": RolesField_2bd2666bdce4fb807aab236535f11530,
  "/collections/AuditEvents/components/AuditChanges#AuditChanges": AuditChanges_c95cf91bf98a1a799dedce1f480630dd,
  "/collections/AuditEvents/components/AuditChanges#AuditDetail": AuditDetail_c95cf91bf98a1a799dedce1f480630dd,
  "/collections/AuditEvents/components/AuditFilterPanel#AuditFilterPanel": AuditFilterPanel_9405558992ae0050944880ef2fac9f23,
  "/src/components/signing/SignedExportActions#SignedExportActions": SignedExportActions_2db3f0e610c1e381b55b2d7ffd3c8f5b,
  "/src/components/calendar/CivilDateCell#CivilDateCell": CivilDateCell_7162e6b20a401a0cdc15ab6beb30a2f1,
  "/src/components/calendar/CalendarNotice#CalendarNotice": CalendarNotice_d1398dc462e8ce332860d5ee1d7cf119,
  "/src/components/maintenance/MaintenanceBanner#MaintenanceBanner": MaintenanceBanner_ae2315bae171798f793d014fa6e4b2bf,
  "/src/components/reminders/UpdateDashboard#UpdateDashboard": UpdateDashboard_d7e2decf6f06f1598b099d1592ff1e46,
  "/src/components/Dashboard#DashboardIntro": DashboardIntro_e1aaac9d73a3992d50b4a18beefc4f4e,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
