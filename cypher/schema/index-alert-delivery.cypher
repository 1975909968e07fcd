// The webhook dispatcher finds alerts still to deliver without scanning delivered ones.
CREATE RANGE INDEX alert_delivery IF NOT EXISTS FOR (a:Alert) ON (a.delivery)
