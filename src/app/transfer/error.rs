//! Lỗi khi chuyển tệp (what can go wrong moving a file in or out of the app): each said so that
//! the person can act on it; what the browser reported goes to the console.

use leptos::wasm_bindgen::JsValue;

use crate::storage::StorageError;

/// A failure to download, share, read or export a file.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum TransferError {
    #[error("Trình duyệt không cho tải tệp xuống. Hãy thử lại hoặc dùng trình duyệt khác.")]
    DownloadRefused,
    #[error(
        "Không chia sẻ được tệp trên thiết bị này. Hãy dùng nút «Xuất tệp» để lưu tệp rồi gửi kèm email."
    )]
    ShareUnavailable,
    #[error(
        "Không đọc được tệp: tệp có thể đã bị chuyển, xóa, hoặc trình duyệt không được phép đọc nó. Hãy chọn lại tệp."
    )]
    ReadFailed,
    #[error("Chưa có kế hoạch nào để xuất tệp.")]
    NothingToExport,
    #[error("Kế hoạch chưa có phụ lục nào để xuất thành bảng tính.")]
    NoAppendix,
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl TransferError {
    /// `self`, once what the browser reported is in the console.
    pub(super) fn logged(self, reported: JsValue) -> Self {
        web_sys::console::error_1(&reported);
        self
    }
}
