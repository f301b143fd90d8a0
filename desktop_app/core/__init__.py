"""The Qt-free core: models, errors, stream decoding, API client, storage, profiles, secrets."""
