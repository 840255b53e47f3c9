//! Messages between tabs of the app (BroadcastChannel): each save announces the plan and its
//! new revision, so another tab showing the same plan knows its copy is out of date.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

const CHANNEL: &str = "ke-hoach-cchc";

/// A save announced by some tab: which plan, which revision, which session.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedElsewhere {
    pub plan_id: String,
    pub revision: u32,
    pub session: String,
}

/// This tab's end of the channel.
pub struct TabChannel {
    channel: Option<web_sys::BroadcastChannel>,
    _listener: Option<Closure<dyn FnMut(web_sys::MessageEvent)>>,
}

impl TabChannel {
    /// Opens the channel; `on_save` hears every save announced by other tabs.
    pub fn open(mut on_save: impl FnMut(SavedElsewhere) + 'static) -> Self {
        let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
            return Self {
                channel: None,
                _listener: None,
            };
        };
        let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                if let Some(message) = read_message(&event.data()) {
                    on_save(message);
                }
            },
        );
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Self {
            channel: Some(channel),
            _listener: Some(listener),
        }
    }

    /// Tells the other tabs that this one saved `plan_id` at `revision`.
    pub fn announce(&self, plan_id: &str, revision: u32, session: &str) {
        let Some(channel) = &self.channel else {
            return;
        };
        let message = js_sys::Object::new();
        let set = |key: &str, value: wasm_bindgen::JsValue| {
            js_sys::Reflect::set(&message, &key.into(), &value).ok();
        };
        set("plan_id", plan_id.into());
        set("revision", revision.into());
        set("session", session.into());
        channel.post_message(&message).ok();
    }
}

impl Drop for TabChannel {
    fn drop(&mut self) {
        if let Some(channel) = &self.channel {
            channel.set_onmessage(None);
            channel.close();
        }
    }
}

fn read_message(data: &wasm_bindgen::JsValue) -> Option<SavedElsewhere> {
    let get = |key: &str| js_sys::Reflect::get(data, &key.into()).ok();
    Some(SavedElsewhere {
        plan_id: get("plan_id")?.as_string()?,
        revision: get("revision")?.as_f64()? as u32,
        session: get("session")?.as_string()?,
    })
}
