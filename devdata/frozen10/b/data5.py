D("https://www.ad.nl/bergen-op-zoom/bibliotheek-halsteren-opent-in-wittenhorst-het-moet-echt-een-ontmoetingsplek-zijn~aa6185d9/","news",
"Bij de ingang van de Wittenhorst staat een zelfserviceautomaat waar Halsternaren boeken zelf kunnen inleveren en lenen. In de kast ernaast staan de gereserveerde boeken. ,,Uit alle vestigingen van de bibliotheek West-Brabant kunnen klanten nu boeken reserveren. Als het boek er is, krijgt de klant een mail. Een medewerker zorgt dat het in de kast klaar staat”, zegt Van Egmond.",
 U("Library members pay a subscription, but the library is a subsidised public facility; commercial or flag are both defensible."),
 U("Same library member; commercial or flag both defensible."))
D("https://www.bmc.nl/actueel/de-menselijke-maat-als-succesformule","blog",
"Een belangrijke trend is dat er breder wordt gekeken naar wat dienstverlening precies inhoudt. Het gaat niet meer alleen over ‘producten en diensten’, zoals het verhuren, onderhouden en bouwen van woningen. Dienstverlening is óók communicatie: hoe houd je huurders op de hoogte van beleid of veranderingen in hun buurt? En het gaat over participatie: hoe geef je bewoners een volwaardige stem in het beleid en stimuleer je hun bijdrage aan de leefbaarheid van hun omgeving?",
 U("Quoted phrase for the services of a housing corporation, a social-purpose landlord; quote or use, market or public task."))
D("https://www.stuvia.com/doc/1990409/sma-jaar-2-sem-4-h7-en-11","education",
"Accountmanagement staat voor het managen van klanten. Het is een vorm van strategisch\nverkopen, met als doel om bij bepaalde accounts sole supplier of preferred supplier te\nworden.",
 C("Business customers in a sales course."))
D("https://www.stuvia.com/doc/1990409/sma-jaar-2-sem-4-h7-en-11","education",
"- Category management; door samen met een account een optimale productcategorie\nsamen te stellen kun je beter voorzien in de behoeften van klanten.\n- Retailers zelf hebben de voorkeur voor accountmanagement omdat de producent de\naccount dan goed kent en zo een passend aanbod kan maken.",
 C("Product category of a supplier in retail."),C("Retail customers."))
D("https://www.stuvia.com/doc/1990409/sma-jaar-2-sem-4-h7-en-11","education",
"Om een samenwerking tussen aanbieder en account goed te laten lopen moeten de\nwaardeketens van de PSU en de DMIU aan elkaar gekoppeld worden. De accountmanager\nis hierbij de sleutelfiguur tussen beide bedrijven.",
 C("Sales role between two companies."))
D("https://www.inkopers-cafe.nl/gelijkheid-uit/","blog",
"Wijlen Nelson Mandela heeft gestreden voor gelijkheid en met succes. Zijn doel was nobel en humaan, echter als we kijken naar inkoop is de gelijkheid juist te groot. Er moet binnen inkoop meer gedifferentieerd worden op basis van de verschillende inkooppakketten. Als we meer onderscheid maken zal de effectiviteit van inkoop groter worden.",
 C("Corporate purchasing."),C("Corporate purchasing."),C("Purchasing packages of a company."),C("Corporate purchasing."))
D("https://www.inkopers-cafe.nl/gelijkheid-uit/","blog",
"Op veel inkoopafdelingen werken de verschillende inkopers nog teveel op dezelfde wijze. Inkopers gebruiken veelal dezelfde inkoopprocessen, dezelfde templates, hebben dezelfde trainingen en dezelfde algehele manier van werken. Dit is eigenaardig als je kijkt naar hoe verschillend inkooppakketten zijn binnen een onderneming. Immers, inkooppakketten stellen verschillende eisen aan de inkoper.",
 C("Purchasing departments of companies."),C("Corporate purchasing processes."),C("Purchasing packages of a company."),C("Purchasing packages of a company."))
D("https://www.pzc.nl/zeeuws-nieuws/een-ddos-aanval-is-niet-te-voorkomen-zegt-getroffen-provider-delta~ad34e726/","news",
"Maandag wist de provider de schade te beperken, zodat maximaal 20 procent van de klanten hinder ondervond. Mensen konden niet internetten, Netflix kijken, deelnemen aan online-vergaderingen of online contact met klanten hebben. Van der Hulst: ,,Hoe groot de maatschappelijke schade is? Daar is geen antwoord op te geven. Deze vorm van criminaliteit is buitengewoon vervelend. Niet alleen voor ons, maar vooral voor onze klanten.",
 C("Customers of an internet provider."),C("Customers of businesses that lost internet."),C("Customers of an internet provider."))
D("https://www.nhnieuws.nl/nieuws/330375/waarland-t-veld-en-zijdewind-dagen-zonder-internet-door-beschadigde-glasvezelkabel","news",
"Door een beschadigde glasvezelkabel van Ziggo zitten een deel van hun klanten in Waarland, 't Veld en Zijdewind al twee dagen zonder internet, televisie en telefonie. Een aannemer heeft gisteren bij graafwerkzaamheden de kabel geraakt. Het repareren van de breuk is een tijdrovende klus, zegt een woordvoerder van VodafoneZiggo.",
 C("Customers of a telecom provider."))
D("https://www.nhnieuws.nl/nieuws/330375/waarland-t-veld-en-zijdewind-dagen-zonder-internet-door-beschadigde-glasvezelkabel","news",
"VodafoneZiggo geeft aan dat klanten 'aanspraak kunnen maken op compensatie via de wettelijke regeling als een storing langer dan 12 uur heeft geduurd'.",
 C("Customers of a telecom provider."))
D("https://www.itpedia.nl/2025/10/19/release-notes-van-bugfix-tot-business-risico-de-sleutel-tot-effectief-change-management","blog",
"Kenmerk & Doel: Snelle updates. Ze zijn cruciaal voor klantenbetrokkenheid en het verminderen van supportvragen door het communiceren van nieuwe functies en bugfixes.",
 C("Engagement of customers of software products."))
D("https://www.procurios.com/nl/kennisbank/artikel/2021/11/03/Dit-is-waarom-je-software-verandert--en-je-betaalt-voor-onderhoud","company",
"Veel wijzigingen in de software komen voort uit de wensen van klanten van een leverancier. Dat kan bijvoorbeeld gaan om maatwerk, wanneer jij een heel specifieke behoefte of wens hebt waaraan je wilt dat de software voldoet, zoals bijvoorbeeld de manier waarop de contributie berekend wordt voor leden. De leverancier bouwt dan speciaal voor jou een stukje programma dat jij kunt gebruiken in het grotere geheel van hun applicatie.",
 C("Customers of a software vendor."))
