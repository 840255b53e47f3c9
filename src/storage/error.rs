//! What can go wrong in storage, said so that the person can act on it.

use wasm_bindgen::JsCast;

/// A storage failure; its text is shown to the person, details go to the console.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StorageError {
    #[error(
        "Không mở được kho dữ liệu trên máy. Trình duyệt có thể đang ở chế độ ẩn danh hoặc chặn lưu dữ liệu; hãy mở lại ứng dụng ở cửa sổ thường."
    )]
    Unavailable(String),
    #[error(
        "Bộ nhớ của thiết bị đã đầy nên chưa lưu được. Hãy xuất tệp sao lưu, xóa bớt tệp trên máy rồi sửa tiếp để lưu lại; nội dung đang mở vẫn còn."
    )]
    QuotaExceeded,
    #[error(
        "Chưa lưu được: trình duyệt đã hủy việc ghi, thường vì bộ nhớ của thiết bị sắp đầy. Nội dung đang mở vẫn còn; hãy xuất tệp sao lưu, giải phóng bộ nhớ rồi sửa tiếp để lưu lại."
    )]
    NotCommitted,
    #[error(
        "Trình duyệt đã làm mất kho dữ liệu trên máy. Hãy nhập lại tệp sao lưu gần nhất để khôi phục các kế hoạch."
    )]
    DataLost,
    #[error(
        "Kế hoạch vừa được sửa ở một thẻ hoặc cửa sổ khác (bản {stored}). Hãy tải lại bản mới nhất trước khi sửa tiếp để không ghi đè lên nhau."
    )]
    Conflict { stored: u32 },
    #[error("Không tìm thấy kế hoạch này trên máy; có thể nó đã bị xóa ở thẻ khác.")]
    NotFound,
    #[error("Trên máy đã có một kế hoạch cùng mã với kế hoạch này nên chưa khôi phục được.")]
    AlreadyExists,
    #[error("Bản ghi trên máy bị hỏng và không đọc được.")]
    Corrupt,
    #[error(
        "Kế hoạch của báo cáo này đang ở Thùng rác trên máy. Hãy khôi phục kế hoạch từ Thùng rác rồi nhập lại báo cáo; chưa có gì được lưu."
    )]
    InTrash,
    /// The detail is for the console; the person gets the sentence.
    #[error(
        "Không lưu hoặc đọc được dữ liệu trên máy. Hãy thử lại; nếu vẫn lỗi, hãy tải lại trang."
    )]
    Transaction(String),
}

impl StorageError {
    /// Sorts a failure from IndexedDB by what the person can do about it, from the name of the
    /// DOMException it carries.
    pub(super) fn from_rexie(error: rexie::Error) -> Self {
        match dom_exception_name(&error).as_deref() {
            Some("QuotaExceededError") => Self::QuotaExceeded,
            // Chromium's UnknownError is more often a passing I/O failure than a lost database,
            // so only an explicit data-loss report sends the person to their backup.
            Some("DataLossError") => Self::DataLost,
            // The detail, for the console: idb's sentence, with the browser's message.
            _ => Self::Transaction(match &error {
                rexie::Error::IdbError(inner) => inner.to_string(),
                other => other.to_string(),
            }),
        }
    }
}

/// The name of the DOMException an IndexedDB failure carries ("QuotaExceededError"), if any.
fn dom_exception_name(error: &rexie::Error) -> Option<String> {
    use idb::Error as Idb;
    let rexie::Error::IdbError(error) = error else {
        return None;
    };
    let value = match error {
        Idb::DomException(exception) => return Some(exception.name()),
        Idb::AddFailed(value)
        | Idb::ClearFailed(value)
        | Idb::CountFailed(value)
        | Idb::CursorAdvanceFailed(value)
        | Idb::CursorContinueFailed(value)
        | Idb::CursorKeyNotFound(value)
        | Idb::CursorPrimaryKeyNotFound(value)
        | Idb::CursorValueNotFound(value)
        | Idb::DeleteFailed(value)
        | Idb::GetAllFailed(value)
        | Idb::GetAllKeysFailed(value)
        | Idb::GetFailed(value)
        | Idb::GetKeyFailed(value)
        | Idb::IndexCreateFailed(value)
        | Idb::IndexDeleteFailed(value)
        | Idb::IndexedDbDeleteFailed(value)
        | Idb::IndexedDbNotFound(value)
        | Idb::IndexedDbOpenFailed(value)
        | Idb::IndexNotFound(value)
        | Idb::KeyPathNotFound(value)
        | Idb::KeyRangeBoundNotFound(value)
        | Idb::KeyRangeCreateFailed(value)
        | Idb::KeyRangeIncludesFailed(value)
        | Idb::ObjectStoreCreateFailed(value)
        | Idb::ObjectStoreDeleteFailed(value)
        | Idb::ObjectStoreNotFound(value)
        | Idb::OpenCursorFailed(value)
        | Idb::OpenKeyCursorFailed(value)
        | Idb::RequestErrorNotFound(value)
        | Idb::RequestResultNotFound(value)
        | Idb::TransactionAbortError(value)
        | Idb::TransactionCommitError(value)
        | Idb::TransactionModeNotFound(value)
        | Idb::TransactionOpenFailed(value)
        | Idb::UpdateFailed(value) => value,
        _ => return None,
    };
    value
        .dyn_ref::<web_sys::DomException>()
        .map(web_sys::DomException::name)
}
