//! Test certificates made at run time (rcgen): a CA that issues an ECDSA and an RSA server
//! certificate for `localhost`/127.0.0.1, and station client certificates (CN = station id),
//! all written as PEM files into a directory.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, PKCS_RSA_SHA256,
};

/// The organisation in every client certificate (OCPP's O = the operator, A00.FR.404).
pub const OPERATOR: &str = "Switchyard Test CPO";
const RSA_KEY: &str = include_str!("../fixtures/rsa-2048-test-only.key");

pub struct TestPki {
    pub dir: PathBuf,
    /// The CA certificate (PEM file): it issued the server and client certificates.
    pub ca: PathBuf,
    /// (certificate, key) PEM files: ECDSA P-256 first, then RSA 2048.
    pub server: Vec<(PathBuf, PathBuf)>,
    issuer: Issuer<'static, KeyPair>,
}

impl TestPki {
    pub fn create(dir: &Path, name: &str) -> TestPki {
        let ca_key = KeyPair::generate().expect("CA key");
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
        params
            .distinguished_name
            .push(DnType::CommonName, format!("{name} CA"));
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let ca_cert = params.self_signed(&ca_key).expect("CA certificate");
        let ca = dir.join(format!("{name}-ca.pem"));
        write(&ca, &ca_cert.pem());
        let issuer = Issuer::new(params, ca_key);
        let mut pki = TestPki {
            dir: dir.to_owned(),
            ca,
            server: Vec::new(),
            issuer,
        };
        let ecdsa = KeyPair::generate().expect("ECDSA key");
        let rsa = KeyPair::from_pem_and_sign_algo(RSA_KEY, &PKCS_RSA_SHA256).expect("RSA key");
        for (label, key) in [("ecdsa", ecdsa), ("rsa", rsa)] {
            let files = pki.server_certificate(&format!("{name}-server-{label}"), &key);
            pki.server.push(files);
        }
        pki
    }

    fn server_certificate(&self, label: &str, key: &KeyPair) -> (PathBuf, PathBuf) {
        let mut params =
            CertificateParams::new(vec!["localhost".to_owned(), "127.0.0.1".to_owned()])
                .expect("server params");
        params
            .distinguished_name
            .push(DnType::CommonName, "localhost");
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let cert = params.signed_by(key, &self.issuer).expect("server cert");
        self.write_pair(label, &cert.pem(), &key.serialize_pem())
    }

    /// A client certificate for `station` (CN) of [`OPERATOR`] (O): (certificate, key).
    pub fn client(&self, station: &str) -> (PathBuf, PathBuf) {
        let key = KeyPair::generate().expect("client key");
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("client params");
        params.distinguished_name.push(DnType::CommonName, station);
        params
            .distinguished_name
            .push(DnType::OrganizationName, OPERATOR);
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        let cert = params.signed_by(&key, &self.issuer).expect("client cert");
        self.write_pair(
            &format!("client-{station}"),
            &cert.pem(),
            &key.serialize_pem(),
        )
    }

    fn write_pair(&self, label: &str, cert: &str, key: &str) -> (PathBuf, PathBuf) {
        let cert_path = self.dir.join(format!("{label}.pem"));
        let key_path = self.dir.join(format!("{label}.key"));
        write(&cert_path, cert);
        write(&key_path, key);
        (cert_path, key_path)
    }
}

fn write(path: &Path, contents: &str) {
    std::fs::write(path, contents).unwrap_or_else(|e| panic!("cannot write {path:?}: {e}"));
}
