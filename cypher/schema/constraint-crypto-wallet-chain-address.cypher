CREATE CONSTRAINT crypto_wallet_chain_address IF NOT EXISTS FOR (w:CryptoWallet) REQUIRE (w.chain, w.address) IS UNIQUE
