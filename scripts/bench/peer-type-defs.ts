/**
 * scamgraph's graph as @neo4j/graphql 7 type definitions, for the query benchmark's peer server:
 * the same nodes, the report relationships by role, and the derived CALLBACK_FOR, CALLBACK_WITH
 * and DOMAIN_FOR edges with their report counts as relationship properties. Read-only: the peer
 * answers the same questions on the same graph, it never writes.
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type SharedReports @relationshipProperties {
    reports: Int!
    lastSeen: DateTime
  }

  type Evidence @relationshipProperties {
    via: String
  }

  type PhoneNumber @node @mutation(operations: []) {
    e164: String!
    country: String
    numberType: String
    reportCount: Int
    callbackCount: Int
    brandCount: Int
    domainCount: Int
    brands: [Brand!]! @relationship(type: "CALLBACK_FOR", direction: OUT, properties: "SharedReports")
    domains: [Domain!]! @relationship(type: "CALLBACK_WITH", direction: OUT, properties: "SharedReports")
    callbackReports: [Report!]! @relationship(type: "CALLBACK_NUMBER", direction: IN, properties: "Evidence")
    callerIdReports: [Report!]! @relationship(type: "CALLER_ID", direction: IN, properties: "Evidence")
    senderIdReports: [Report!]! @relationship(type: "SENDER_ID", direction: IN, properties: "Evidence")
  }

  type Domain @node @mutation(operations: []) {
    name: String!
    isShortener: Boolean
    isPlatform: Boolean
    isFreeMail: Boolean
    reportCount: Int
    callbackNumbers: [PhoneNumber!]! @relationship(type: "CALLBACK_WITH", direction: IN, properties: "SharedReports")
    brands: [Brand!]! @relationship(type: "DOMAIN_FOR", direction: OUT, properties: "SharedReports")
  }

  type Brand @node @mutation(operations: []) {
    slug: String!
    name: String
    callbackNumbers: [PhoneNumber!]! @relationship(type: "CALLBACK_FOR", direction: IN, properties: "SharedReports")
    domains: [Domain!]! @relationship(type: "DOMAIN_FOR", direction: IN, properties: "SharedReports")
  }

  type Report @node @mutation(operations: []) {
    id: ID!
    channel: String
    scamType: String
    receivedAt: DateTime
    callbackNumbers: [PhoneNumber!]! @relationship(type: "CALLBACK_NUMBER", direction: OUT, properties: "Evidence")
    callerIds: [PhoneNumber!]! @relationship(type: "CALLER_ID", direction: OUT, properties: "Evidence")
    senderIds: [PhoneNumber!]! @relationship(type: "SENDER_ID", direction: OUT, properties: "Evidence")
    urls: [Url!]! @relationship(type: "LINKS_TO", direction: OUT, properties: "Evidence")
    domains: [Domain!]! @relationship(type: "NAMES_DOMAIN", direction: OUT)
    emails: [EmailAddress!]! @relationship(type: "CONTACT_EMAIL", direction: OUT, properties: "Evidence")
    wallets: [CryptoWallet!]! @relationship(type: "PAY_TO", direction: OUT, properties: "Evidence")
    bankAccounts: [BankAccount!]! @relationship(type: "PAY_TO", direction: OUT, properties: "Evidence")
    brands: [Brand!]! @relationship(type: "IMPERSONATES", direction: OUT)
  }

  type Url @node @mutation(operations: []) {
    url: String!
    hostname: String
    reportCount: Int
  }

  type EmailAddress @node @mutation(operations: []) {
    address: String!
    reportCount: Int
  }

  type CryptoWallet @node @mutation(operations: []) {
    chain: String!
    address: String!
    reportCount: Int
  }

  type BankAccount @node @mutation(operations: []) {
    scheme: String!
    identifier: String!
    reportCount: Int
  }
`;
