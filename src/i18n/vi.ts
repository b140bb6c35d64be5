/**
 * Payload's Vietnamese strings where they are wrong, half English or clumsy, as a person reads them in the admin
 * (payload.config.ts `i18n.translations.vi`). Keys are Payload's (@payloadcms/translations/dist/languages/vi.js).
 */
export const VI_OVERRIDES = {
  error: {
    correctInvalidFields: 'Có thông tin chưa hợp lệ; hãy sửa các trường được đánh dấu.',
    followingFieldsInvalid_one: 'Trường sau chưa hợp lệ:',
    followingFieldsInvalid_other: 'Các trường sau chưa hợp lệ:',
    incorrectCollection: 'Loại dữ liệu không hợp lệ.',
    loadingDocument: 'Không tải được bản ghi có ID {{id}}.',
    missingIDOfDocument: 'Thiếu ID của bản ghi cần cập nhật.',
    noFilesUploaded: 'Chưa có tệp nào được tải lên.',
    noMatchedField: 'Không tìm thấy trường "{{label}}".',
    problemUploadingFile: 'Không tải lên được tệp.',
    unPublishingDocument: 'Không ẩn được bản ghi.',
    documentNotFound: 'Không tìm thấy bản ghi có ID {{id}}: có thể đã bị xóa, chưa từng có, hoặc Anh/Chị không có quyền xem.',
  },
  general: {
    collections: 'Danh mục dữ liệu',
    document: 'Bản ghi',
    documents: 'Bản ghi',
    noResults: 'Chưa có {{label}} nào phù hợp.',
    noResultsDescription: 'Không có bản ghi nào khớp với bộ lọc đã chọn. Hãy bỏ bớt điều kiện lọc hoặc tìm với từ khác.',
    searchBy: 'Tìm theo {{label}}',
    untitled: 'Chưa có tên',
    loading: 'Đang tải',
    // An empty cell ("<Không có Chức vụ>"): a dash, as on paper forms.
    noLabel: '—',
  },
  upload: {
    selectCollectionToBrowse: 'Chọn loại dữ liệu để duyệt',
  },
  validation: {
    fieldHasNo: 'Trường này không có {{label}}',
    invalidSelection: 'Lựa chọn ở trường này không hợp lệ.',
    invalidSelections: 'Trường này có các lựa chọn không hợp lệ:',
    validUploadID: 'Trường này không chứa ID tệp tải lên hợp lệ.',
  },
}
