//! A minimal ZIP writer for the DOCX package: entries stored without compression, each with
//! its CRC-32, UTF-8 names, and the central directory. A DOCX of a plan is some hundred
//! kilobytes of XML, so a compression crate is not worth its size in the app.

/// CRC-32 (IEEE 802.3, the polynomial ZIP uses) of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFF_u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// 1 January 1980, the earliest date ZIP can hold: the package carries no clock time, so the
/// same plan always gives the same bytes.
const DOS_DATE: u16 = (1 << 5) | 1;
/// Bit 11: names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;
/// ZIP 2.0, the version that stored entries need.
const VERSION: u16 = 20;

/// Builds a ZIP archive in memory.
#[derive(Default)]
pub struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

fn u16le(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

impl ZipWriter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file `name` holding `data`, stored as is.
    pub fn add(&mut self, name: &str, data: &[u8]) {
        let crc = crc32(data);
        // A plan's package is far below the 4 GB of a ZIP without extensions.
        let size = u32::try_from(data.len()).unwrap_or(u32::MAX);
        let offset = u32::try_from(self.out.len()).unwrap_or(u32::MAX);
        let name_len = u16::try_from(name.len()).unwrap_or(u16::MAX);

        let out = &mut self.out;
        u32le(out, 0x0403_4B50);
        u16le(out, VERSION);
        u16le(out, UTF8_NAMES);
        u16le(out, 0); // stored
        u16le(out, 0); // time
        u16le(out, DOS_DATE);
        u32le(out, crc);
        u32le(out, size);
        u32le(out, size);
        u16le(out, name_len);
        u16le(out, 0); // extra field
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        let central = &mut self.central;
        u32le(central, 0x0201_4B50);
        u16le(central, VERSION);
        u16le(central, VERSION);
        u16le(central, UTF8_NAMES);
        u16le(central, 0);
        u16le(central, 0);
        u16le(central, DOS_DATE);
        u32le(central, crc);
        u32le(central, size);
        u32le(central, size);
        u16le(central, name_len);
        u16le(central, 0); // extra field
        u16le(central, 0); // comment
        u16le(central, 0); // disk
        u16le(central, 0); // internal attributes
        u32le(central, 0); // external attributes
        u32le(central, offset);
        central.extend_from_slice(name.as_bytes());
        self.entries = self.entries.saturating_add(1);
    }

    /// The archive's bytes: the entries, their central directory and its end record.
    pub fn finish(mut self) -> Vec<u8> {
        let directory_offset = u32::try_from(self.out.len()).unwrap_or(u32::MAX);
        let directory_size = u32::try_from(self.central.len()).unwrap_or(u32::MAX);
        self.out.extend_from_slice(&self.central);
        let out = &mut self.out;
        u32le(out, 0x0605_4B50);
        u16le(out, 0);
        u16le(out, 0);
        u16le(out, self.entries);
        u16le(out, self.entries);
        u32le(out, directory_size);
        u32le(out, directory_offset);
        u16le(out, 0); // comment
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_published_check_value() {
        // The standard check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn an_archive_ends_with_its_directory_record() {
        let mut zip = ZipWriter::new();
        zip.add("a.txt", b"xin chao");
        zip.add("thư mục/b.txt", "Kế hoạch".as_bytes());
        let bytes = zip.finish();
        assert_eq!(&bytes[..4], &[0x50, 0x4B, 0x03, 0x04]);
        let end = &bytes[bytes.len() - 22..];
        assert_eq!(&end[..4], &[0x50, 0x4B, 0x05, 0x06]);
        assert_eq!(u16::from_le_bytes([end[10], end[11]]), 2);
    }
}
