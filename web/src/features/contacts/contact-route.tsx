import { useParams } from 'react-router';
import { contactInput } from '../../../../shared/xero-inputs';
import { FallbackPageHeading } from '../xero/xero-query-state';
import { ContactPage } from './contact-page';
import { NoSuchContact } from './no-such-contact';

/**
 * A contact's address carries Xero's id (a UUID). Anything else cannot be a contact: say so, instead of
 * sending it to the server and showing a form-validation message on a page with no form.
 */
export function ContactRoute() {
  const { id = '' } = useParams();
  if (!contactInput.safeParse({ id }).success) {
    return (
      <NoSuchContact>
        This address does not point to a contact: the part after <code>/contacts/</code> should be a Xero contact id.
        The link may have been cut short.
      </NoSuchContact>
    );
  }
  return (
    <FallbackPageHeading.Provider value="Contact">
      <ContactPage />
    </FallbackPageHeading.Provider>
  );
}
