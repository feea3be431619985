#ifndef REHEARSAL_CCRYPTO_SHIM_H
#define REHEARSAL_CCRYPTO_SHIM_H
/* OpenSSL's libcrypto (Debian: libssl-dev), found through pkg-config libcrypto: only its one-shot SHA-256, whose
   assembly runs about 2.4x faster than a portable implementation. OpenSSL 3 marks the one-shot functions
   deprecated in favour of EVP, which allocates a context per call; SHA-256 itself is not going away. */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>
#endif
