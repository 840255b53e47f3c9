//! The first screen: what the app is and what it does for the person who opened it.

use leptos::prelude::*;

use super::APP_NAME;

/// Root component of the app (màn hình chính).
#[component]
pub fn App() -> impl IntoView {
    view! {
        <header class="app-header">
            <p class="app-kicker">"Ứng dụng ngoại tuyến cho cán bộ, công chức"</p>
            <h1 data-testid="app-title">{APP_NAME}</h1>
            <p class="app-lead" data-testid="app-purpose">
                "Soạn, lưu và in Kế hoạch cải cách hành chính hằng năm của xã, phường, đặc khu "
                "ngay trên máy tính bảng hoặc máy tính, kể cả khi không có Internet."
            </p>
        </header>
        <main class="app-main">
            <ul class="feature-list">
                <FeatureCard
                    title="Soạn thảo đủ các phần"
                    body="Căn cứ, mục đích, yêu cầu, chỉ tiêu, nhiệm vụ theo từng lĩnh vực, kinh phí, tổ chức thực hiện, nơi nhận và phụ lục nhiệm vụ trọng tâm."
                />
                <FeatureCard
                    title="Lưu ngay trên thiết bị"
                    body="Mọi thay đổi được lưu tự động trong trình duyệt; dữ liệu không rời khỏi máy nếu bạn không gửi đi."
                />
                <FeatureCard
                    title="In và gửi qua email"
                    body="In đúng thể thức văn bản hành chính, xuất tệp để gửi cấp trên và nhập lại tệp nhận được."
                />
            </ul>
        </main>
        <footer class="app-footer">
            <span data-testid="app-ready">"Ứng dụng đã sẵn sàng"</span>
        </footer>
    }
}

/// One thing the app does, in a sentence (thẻ giới thiệu tính năng).
#[component]
fn FeatureCard(title: &'static str, body: &'static str) -> impl IntoView {
    view! {
        <li class="feature-card">
            <h2>{title}</h2>
            <p>{body}</p>
        </li>
    }
}
