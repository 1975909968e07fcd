// The watches on an indicator whose disruption status this transaction just changed (src/disruption), read
// before write-alerts writes theirs in the same transaction: the change and its alerts commit together.
// An indicator watch WATCHES the indicator's node, which HAS_DISRUPTION; the key constraint finds it.
MATCH (:Disruption {key: $disruptionKey})<-[:HAS_DISRUPTION]-(n)<-[:WATCHES]-(w:Watch {kind: 'INDICATOR'})
RETURN w.id AS watchId,
       CASE WHEN n:PhoneNumber THEN 'phone' WHEN n:Domain THEN 'domain' WHEN n:Url THEN 'url' WHEN n:EmailAddress THEN 'email'
            WHEN n:CryptoWallet THEN 'wallet' WHEN n:BankAccount THEN 'bank_account' ELSE 'other' END AS subjectKind,
       CASE WHEN n:PhoneNumber THEN n.e164 WHEN n:Domain THEN n.name WHEN n:Url THEN n.url WHEN n:EmailAddress THEN n.address
            WHEN n:CryptoWallet THEN n.chain + ':' + n.address WHEN n:BankAccount THEN n.scheme + ':' + n.identifier
            ELSE elementId(n) END AS subjectValue
ORDER BY watchId
