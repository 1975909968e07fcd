CREATE CONSTRAINT bank_account_scheme_identifier IF NOT EXISTS FOR (a:BankAccount) REQUIRE (a.scheme, a.identifier) IS UNIQUE
