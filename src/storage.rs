//! The only module that touches IndexedDB (through rexie): opening the database and reading and
//! writing plan records. Everything it reads back is untrusted and goes through the file-format
//! validation before use.

use rexie::{ObjectStore, Rexie, TransactionMode};
use wasm_bindgen::JsValue;

use crate::domain::Plan;
use crate::file_format::{self, ImportReport};

/// Name of the app's database in production; tests pass their own names.
pub const DATABASE_NAME: &str = "kehoach-cchc";

/// Schema version of the database; each increase adds an upgrade step.
pub const SCHEMA_VERSION: u32 = 1;

/// Object store holding one record per plan (kế hoạch), keyed by the plan id.
const PLANS: &str = "plans";

/// What can go wrong in storage, said so that the user can act on it.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error(
        "Không mở được kho dữ liệu trên máy. Hãy tải lại trang; nếu vẫn lỗi, hãy kiểm tra trình duyệt có cho phép lưu dữ liệu không."
    )]
    Open(String),
    #[error("Không ghi hoặc đọc được dữ liệu trên máy: {0}")]
    Transaction(String),
    #[error("Bản ghi trong kho dữ liệu bị hỏng và đã được bỏ qua.")]
    Corrupt,
}

fn transaction_error(error: rexie::Error) -> StorageError {
    StorageError::Transaction(error.to_string())
}

/// The app's IndexedDB database (kho dữ liệu).
pub struct Database {
    rexie: Rexie,
}

impl Database {
    /// Opens (creating or upgrading as needed) the database called `name`.
    pub async fn open(name: &str) -> Result<Self, StorageError> {
        let rexie = Rexie::builder(name)
            .version(SCHEMA_VERSION)
            .add_object_store(ObjectStore::new(PLANS).key_path("id"))
            .build()
            .await
            .map_err(|error| StorageError::Open(error.to_string()))?;
        Ok(Self { rexie })
    }

    /// Names of the object stores, for schema checks.
    pub fn store_names(&self) -> Vec<String> {
        self.rexie.store_names()
    }

    /// Writes the serialised plan `json` under `id` in one transaction, replacing any earlier one.
    pub async fn put_plan_json(&self, id: &str, json: &str) -> Result<(), StorageError> {
        let transaction = self
            .rexie
            .transaction(&[PLANS], TransactionMode::ReadWrite)
            .map_err(transaction_error)?;
        let store = transaction.store(PLANS).map_err(transaction_error)?;
        let record = js_sys::Object::new();
        set_field(&record, "id", &JsValue::from_str(id))?;
        set_field(&record, "json", &JsValue::from_str(json))?;
        store.put(&record, None).await.map_err(transaction_error)?;
        transaction.done().await.map_err(transaction_error)?;
        Ok(())
    }

    /// Reads the serialised plan stored under `id`, if any.
    pub async fn get_plan_json(&self, id: &str) -> Result<Option<String>, StorageError> {
        let transaction = self
            .rexie
            .transaction(&[PLANS], TransactionMode::ReadOnly)
            .map_err(transaction_error)?;
        let store = transaction.store(PLANS).map_err(transaction_error)?;
        let record = store
            .get(JsValue::from_str(id))
            .await
            .map_err(transaction_error)?;
        transaction.done().await.map_err(transaction_error)?;
        match record {
            None => Ok(None),
            Some(record) => js_sys::Reflect::get(&record, &JsValue::from_str("json"))
                .ok()
                .and_then(|json| json.as_string())
                .map(Some)
                .ok_or(StorageError::Corrupt),
        }
    }

    /// Stores `plan` (replacing the stored one with the same id) in one transaction.
    pub async fn save_plan(&self, plan: &Plan) -> Result<(), StorageError> {
        let json = serde_json::to_string(plan)
            .map_err(|error| StorageError::Transaction(error.to_string()))?;
        self.put_plan_json(&plan.id, &json).await
    }

    /// Loads the plan stored under `id`. What was stored is untrusted (another version of the
    /// app, another tab, a damaged profile wrote it), so it goes through the same validation as
    /// an imported file; the report says what had to be repaired.
    pub async fn load_plan(&self, id: &str) -> Result<Option<(Plan, ImportReport)>, StorageError> {
        let Some(json) = self.get_plan_json(id).await? else {
            return Ok(None);
        };
        let value: serde_json::Value =
            serde_json::from_str(&json).map_err(|_| StorageError::Corrupt)?;
        match file_format::restore_plan(&value) {
            (Some(plan), report) => Ok(Some((plan, report))),
            (None, _) => Err(StorageError::Corrupt),
        }
    }

    /// Closes the connection so the database can be deleted or upgraded by others.
    pub fn close(self) {
        self.rexie.close();
    }
}

/// Deletes the database called `name` (used by tests and by a full reset).
pub async fn delete_database(name: &str) -> Result<(), StorageError> {
    Rexie::delete(name)
        .await
        .map_err(|error| StorageError::Open(error.to_string()))
}

fn set_field(record: &js_sys::Object, key: &str, value: &JsValue) -> Result<(), StorageError> {
    js_sys::Reflect::set(record, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|_| StorageError::Transaction(format!("không đặt được trường «{key}»")))
}
