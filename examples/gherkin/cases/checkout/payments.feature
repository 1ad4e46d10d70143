# One case per Scenario and Scenario Outline; @id: is each case's identity.
@layer:UI @component:Payments
Feature: Checkout payments
  Background:
    Given a cart holding one item

  Rule: Guests pay without an account

    @id:checkout/guest-saved-card @severity:critical @issue:JIRA:SHOP-123 @smoke
    Scenario: Guest pays with a saved card
      Covers the saved-card path for guests.

      When the guest pays with the saved card
      Then the order is placed
        """
        Order number and total are shown
        """

    @id:checkout/guest-card-types @owner:alice
    Scenario Outline: Guest pays with a <card> card
      When the guest pays <amount> with a <card> card
      Then the payment form shows:
        | field  | value    |
        | card   | <card>   |
        | amount | <amount> |

      Examples:
        | card | amount |
        | visa | 10.00  |
        | amex | 99.99  |
