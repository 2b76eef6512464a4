// Delivering notifications to the MSXOperator: the transport the test notification and the outbox worker share.
export { type MailMessage, type MailSecurity, type MailSettings, sendMail } from './mail'
export { DELIVERY_TIMEOUT_MS, type DeliveryResult } from './result'
export { newWebhookSecret, type SecretVault, secretVault } from './secrets'
export { postWebhook, signatureHeader, type WebhookChannel } from './webhook'
