//! The key hierarchy at run time: where the root key comes from (its file, or another
//! provider), the tenant keyring that unwraps and caches data and fingerprint keys, and
//! the key lifecycle an admin drives (rotation, re-encryption, retiring a version,
//! crypto-shredding, root rotation, and dual control over the destructive ones).
//! The cryptography itself is `crypto`, which does no I/O.

mod dual_control;
mod keyring;
mod lifecycle;
mod root_key_file;
mod root_provider;
mod root_rotation;
mod seal_budget;
mod states;

pub use dual_control::{AdminAction, ConfirmRefusal, PendingActionView, DUAL_CONTROL_WINDOW};
pub use keyring::{Keyring, KeyringError, TenantKeys};
pub use lifecycle::{JobView, KeyLifecycle, KeyVersionView, KeysView};
pub use root_key_file::{
    load_or_create_root_keyring, load_root_keyring, write_root_keyring, RootKeyFileError,
};
pub use root_provider::{FileRootKeyProvider, RootKeyProvider, RootKeyProviderError};
pub use root_rotation::{RootRotationView, ShredView};
pub use seal_budget::DEFAULT_SEAL_BUDGET;
pub use states::TenantStates;
