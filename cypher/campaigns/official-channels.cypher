// Every brand's official numbers and domains: detection passes them to classify-indicators as
// parameters, where IN is a hash lookup rather than a scan of every brand per indicator.
CALL () {
  MATCH (b:Brand)
  UNWIND b.officialNumbers AS e164
  RETURN collect(DISTINCT e164) AS officialNumbers
}
CALL () {
  MATCH (b:Brand)
  UNWIND b.officialDomains AS name
  RETURN collect(DISTINCT name) AS officialDomains
}
RETURN officialNumbers, officialDomains
