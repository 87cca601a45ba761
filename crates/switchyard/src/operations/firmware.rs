//! Firmware updates: the URL a hosted image is downloaded from, and the update recorded
//! before it is sent (its id is the 2.x `requestId` that FirmwareStatusNotification carries).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::app::App;
use crate::commands::{Command, FirmwareUpdate};
use crate::config::Config;
use crate::domain::firmware::{FirmwareFile, NewFirmwareRequest};
use crate::domain::{StationId, Time};
use crate::store::StoreResult;

/// Path segment characters left as they are; everything else is percent-encoded.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'.')
    .remove(b'-')
    .remove(b'_')
    .remove(b'~');

/// Where stations download `file`: the public URL, the file's unguessable token, and its
/// name (chargers that keep the last segment as the file name get the real one).
pub fn download_url(config: &Config, file: &FirmwareFile) -> String {
    format!(
        "{}/files/firmware/{}/{}",
        config.public_url,
        file.token,
        utf8_percent_encode(&file.filename, SEGMENT)
    )
}

/// An update as the operator (or a campaign) asks for it.
#[derive(Clone, Debug)]
pub struct UpdateRequest {
    pub location: String,
    pub firmware_id: Option<i64>,
    pub campaign_id: Option<i64>,
    pub retrieve_at: Time,
    pub retries: Option<u32>,
    pub retry_interval_s: Option<u32>,
}

/// Record the update and return the command that carries it.
pub async fn prepare_update(
    app: &App,
    station: &StationId,
    request: UpdateRequest,
    now: Time,
) -> StoreResult<(i64, Command)> {
    let request_id = app
        .store
        .add_firmware_request(NewFirmwareRequest {
            station_id: station.clone(),
            location: request.location.clone(),
            firmware_id: request.firmware_id,
            campaign_id: request.campaign_id,
            requested_at: now,
        })
        .await?;
    let command = Command::UpdateFirmware(Box::new(FirmwareUpdate {
        request_id,
        location: request.location,
        retrieve_at: request.retrieve_at,
        retries: request.retries,
        retry_interval_s: request.retry_interval_s,
    }));
    Ok((request_id, command))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_carry_the_token_and_an_encoded_name() {
        let config = Config {
            public_url: "https://csms.example".into(),
            ..Config::default()
        };
        let file = FirmwareFile {
            id: 1,
            filename: "fw 1.2+x.bin".into(),
            size: 1,
            sha256: String::new(),
            token: "abc".into(),
            uploaded_at: Time::default(),
        };
        assert_eq!(
            download_url(&config, &file),
            "https://csms.example/files/firmware/abc/fw%201.2%2Bx.bin"
        );
    }
}
