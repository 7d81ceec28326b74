import { Category, entries } from './categories';

/** Financial attributes of a person (GLBA nonpublic personal information when tied to someone). */
export const FIN_ATTRIBUTE_ENTRIES = entries(
  [
    'income|annual income|gross income|monthly income|take-home|take-home pay|salary|salaries|base salary|wages|wage|paycheck|payroll|pay stub|paystub|W-2|W2|1099|AGI|adjusted gross income|tax return|amended return|tax refund|refund amount|itemized deductions|withholding|federal withholding|dependents',
    'credit score|FICO|credit report|credit history|credit limit|utilization|tradeline|tradelines|late payment|late payments|missed payment|30 days late|60 days late|90 days late|past due|delinquent|collections|charge-off|bankruptcy|debts|unsecured debt|owes|owed|debt-to-income|DTI',
    'balance|account balance|savings balance|checking balance|ending balance|beginning balance|loan balance|overdraft|overdrawn|escrow|escrow shortage|mortgage|loan|loans|auto loan|car loan|student loan|student loans|personal loan|loan application|pre-approval|underwriter|lender|loan number',
    'payment history|payment-app|payment app|tax prep|tax preparation|Venmo|Zelle|PayPal|Cash App|received from|net worth|assets|holdings|cost basis|brokerage account|brokerage|401(k)|401k|403(b)|IRA account|retirement account|HSA|shares of|portfolio|direct deposit|wire transfer|ACH|transactions|transaction history|statement period|bank statement|deposit|withdrawal|withdrawals|reimbursement|reimburse',
    'Gehalt|Einkommen|Kontostand|Lastschrift|Überweisung|Kredit|Schulden|Bruttogehalt|salario|salario bruto|nómina|ingresos|saldo|préstamo|deuda|hipoteca|transferencia|salaire|revenu|revenus|solde|prêt|dette|virement|relevé',
  ].join('|'),
  Category.FinAttribute,
);

export const SSN_CONTEXT_ENTRIES = entries(
  'SSN|SSNs|social security|social security number|social|soc sec|SS#|taxpayer|taxpayer ID|TIN|ITIN|tax ID|EIN|W-4|W-9|last four|SSN ending|número de seguro social|Sozialversicherungsnummer|numéro de sécurité sociale',
  Category.SsnContext,
);

export const ACCOUNT_CONTEXT_ENTRIES = entries(
  'account|acct|acct#|account number|account no|account #|checking|checking account|savings|savings account|bank account|brokerage account|DFI account|deposit to account|account ending|ending in|Konto|Kontonummer|cuenta|número de cuenta|compte|numéro de compte|IBAN|MICR|loan #|loan number|member number',
  Category.AccountContext,
);

export const ROUTING_CONTEXT_ENTRIES = entries(
  'routing|routing number|ABA|RTN|transit number|bank routing|receiving DFI|DFI routing|routing transit|MICR|sort code|BLZ|Bankleitzahl',
  Category.RoutingContext,
);

export const CARD_CONTEXT_ENTRIES = entries(
  'card|credit card|debit card|card number|card no|PAN|Visa|Mastercard|MasterCard|Amex|American Express|Discover|JCB|Diners|Diners Club|UnionPay|Maestro|CVV|CVC|CID|CVV2|exp|expiry|expiration|expires|card on file|cardholder|name on card|tarjeta|Kreditkarte|Karte|carte|carte bancaire',
  Category.CardContext,
);

export const IBAN_CONTEXT_ENTRIES = entries(
  'IBAN|BIC|SWIFT|Bankverbindung|RIB|cuenta bancaria',
  Category.IbanContext,
);

export const PIN_CONTEXT_ENTRIES = entries(
  'PIN|PIN code|debit card PIN|card PIN|PIN number|Geheimzahl',
  Category.PinContext,
);
