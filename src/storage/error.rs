//! What can go wrong in storage, said so that the person can act on it.

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
    /// The detail is for the console; the person gets the sentence.
    #[error(
        "Không lưu hoặc đọc được dữ liệu trên máy. Hãy thử lại; nếu vẫn lỗi, hãy tải lại trang."
    )]
    Transaction(String),
}

impl StorageError {
    /// Sorts a failure from IndexedDB by what the person can do about it.
    pub(super) fn from_rexie(error: rexie::Error) -> Self {
        let detail = format!("{error:?}");
        if detail.contains("QuotaExceeded") {
            Self::QuotaExceeded
        } else if detail.contains("DataLoss") {
            // Chromium's UnknownError is more often a passing I/O failure than a lost database,
            // so only an explicit data-loss report sends the person to their backup.
            Self::DataLost
        } else {
            Self::Transaction(detail)
        }
    }
}
