//! Đơn vị gửi: who in a round has sent, who has not, who sent again and whose files were
//! refused, against the list of expected senders typed or pasted for the round; searchable,
//! sortable and printable as a follow-up list.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::receive::kind_of;
use super::{Inbox, round_key, sortable_time};
use crate::app::format::date_time;
use crate::domain::inbox::{
    ReceivedItem, Round, RoundCounts, SenderStanding, SortBy, Standing, parse_expected,
    search_standings, sort_standings, standings,
};

const SORTS: [(SortBy, &str, &str); 4] = [
    (
        SortBy::Standing,
        "standing",
        "Tình trạng (đơn vị chưa gửi lên đầu)",
    ),
    (SortBy::Name, "name", "Tên đơn vị (A – Z)"),
    (SortBy::LastReceived, "last", "Thời điểm nhận"),
    (SortBy::Versions, "versions", "Số bản đã nhận"),
];

/// The senders of `round`.
#[component]
pub(super) fn Senders(inbox: Inbox, round: Round) -> impl IntoView {
    let key = round_key(round);
    let expected = RwSignal::new(String::new());
    {
        let database = inbox.database.get_value();
        let key = key.clone();
        spawn_local(async move {
            if let Ok(list) = database.expected_senders(&key).await {
                expected.set(list);
            }
        });
    }
    let save_expected = move |text: String| {
        expected.set(text.clone());
        let database = inbox.database.get_value();
        let key = key.clone();
        spawn_local(async move {
            if let Err(error) = database.save_expected_senders(&key, &text).await {
                web_sys::console::error_1(&error.to_string().into());
            }
        });
    };
    let list = Memo::new(move |_| {
        let items: Vec<ReceivedItem> = inbox.files.with(|files| {
            files
                .iter()
                .map(|file| ReceivedItem {
                    issuing_body: file.sender.clone(),
                    year: file.year,
                    kind: kind_of(file),
                    received_at: sortable_time(file.received_at),
                    version: file.digest.clone(),
                    refused: file.refused.is_some(),
                })
                .collect()
        });
        let expected = expected.with(|text| parse_expected(text));
        standings(&expected, &items, round)
    });
    let counts = Memo::new(move |_| list.with(|list| RoundCounts::of(list)));
    let query = RwSignal::new(String::new());
    let sort = RwSignal::new(SortBy::Standing);
    let shown = Memo::new(move |_| {
        let mut list = list.get();
        sort_standings(&mut list, sort.get(), false);
        let found = query.with(|query| search_standings(&list, query));
        found
            .into_iter()
            .map(|at| list[at].clone())
            .collect::<Vec<_>>()
    });
    let print = move |_| {
        if let Some(Err(error)) = web_sys::window().map(|window| window.print()) {
            web_sys::console::error_1(&error);
        }
    };
    view! {
        <div class="inbox-senders">
            <p class="inbox-counts" data-testid="inbox-counts">
                {move || {
                    let c = counts.get();
                    let mut said = format!(
                        "Đã nhận: {} · Chưa gửi: {} · Gửi lại: {} · Bị từ chối: {} · Ngoài danh sách: {}",
                        c.received, c.missing, c.resubmitted, c.refused, c.unexpected
                    );
                    if c.expected > 0 {
                        said = format!("Phải gửi: {} · {said}", c.expected);
                    }
                    said
                }}
            </p>
            <details class="panel no-print" data-testid="inbox-expected">
                <summary>"Danh sách đơn vị phải gửi"</summary>
                <label for="inbox-expected-list">
                    "Mỗi dòng một đơn vị; có thể dán từ Excel. «UBND xã …» hay «Ủy ban nhân dân xã …», có dấu hay không đều được."
                </label>
                <textarea id="inbox-expected-list" rows="6" data-testid="inbox-expected-list"
                    prop:value=move || expected.get()
                    on:change=move |event| save_expected(event_target_value(&event))></textarea>
            </details>
            <div class="list-tools no-print" role="search">
                <div class="field">
                    <label for="inbox-search">"Tìm đơn vị"</label>
                    <input id="inbox-search" type="search" data-testid="inbox-search"
                        placeholder="Gõ có dấu hoặc không dấu"
                        on:input=move |event| query.set(event_target_value(&event)) />
                </div>
                <div class="field">
                    <label for="inbox-sort">"Sắp xếp"</label>
                    <select id="inbox-sort" data-testid="inbox-sort" on:change=move |event| {
                        let value = event_target_value(&event);
                        if let Some((by, _, _)) = SORTS.iter().find(|(_, key, _)| *key == value) {
                            sort.set(*by);
                        }
                    }>
                        {SORTS.iter().map(|(_, key, label)| view! { <option value=*key>{*label}</option> }).collect_view()}
                    </select>
                </div>
                <button class="button" data-testid="inbox-print-senders" on:click=print>"In danh sách"</button>
            </div>
            <div class="table-frame" tabindex="0" role="region" aria-label="Đơn vị gửi">
                <table class="inbox-table" data-testid="inbox-senders">
                    <thead>
                        <tr><th scope="col">"Đơn vị"</th><th scope="col">"Tình trạng"</th><th scope="col">"Số bản"</th><th scope="col">"Nhận lần cuối"</th></tr>
                    </thead>
                    <tbody>
                        <For each=move || shown.get() key=|s| (s.name.clone(), s.expected, s.standing, s.versions, s.refused, s.last_received_at.clone()) let:standing>
                            {sender_row(standing)}
                        </For>
                    </tbody>
                </table>
            </div>
        </div>
    }
}

fn standing_key(standing: Standing) -> &'static str {
    match standing {
        Standing::Missing => "missing",
        Standing::Refused => "refused",
        Standing::Resubmitted => "resubmitted",
        Standing::Received => "received",
    }
}

fn sender_row(standing: SenderStanding) -> impl IntoView {
    let last = standing
        .last_received_at
        .as_deref()
        .and_then(|at| at.parse::<f64>().ok())
        .map(date_time)
        .unwrap_or_default();
    let mut state = standing.standing.label().to_string();
    if !standing.expected {
        state.push_str(" (ngoài danh sách)");
    }
    if standing.refused > 0 && standing.versions > 0 {
        state.push_str(&format!("; {} tệp bị từ chối", standing.refused));
    }
    view! {
        <tr data-testid="inbox-sender" data-standing=standing_key(standing.standing)>
            <th scope="row"><bdi>{standing.name}</bdi></th>
            <td>{state}</td>
            <td>{standing.versions}</td>
            <td>{last}</td>
        </tr>
    }
}
