//! What can go wrong in storage, said so that the person can act on it.

/// A storage failure; its text is shown to the person, details go to the console.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StorageError {
    #[error(
        "Không mở được kho dữ liệu trên máy. Trình duyệt có thể đang ở chế độ ẩn danh hoặc chặn lưu dữ liệu; hãy mở lại ứng dụng ở cửa sổ thường."
    )]
    Unavailable(String),
    #[error(
        "Bộ nhớ của thiết bị đã đầy nên chưa lưu được. Hãy xuất tệp sao lưu, xóa bớt tệp trên máy hoặc dọn thùng rác rồi thử lại; nội dung đang mở vẫn còn."
    )]
    QuotaExceeded,
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
    #[error("Bản ghi trên máy bị hỏng và không đọc được.")]
    Corrupt,
    #[error("Không lưu hoặc đọc được dữ liệu trên máy ({0}).")]
    Transaction(String),
}

impl StorageError {
    /// Sorts a failure from IndexedDB by what the person can do about it.
    pub(super) fn from_rexie(error: rexie::Error) -> Self {
        let detail = format!("{error:?}");
        if detail.contains("QuotaExceeded") {
            Self::QuotaExceeded
        } else if detail.contains("DataLoss") || detail.contains("UnknownError") {
            // Chromium reports a database whose files vanished or broke as UnknownError.
            Self::DataLost
        } else {
            Self::Transaction(detail)
        }
    }
}
